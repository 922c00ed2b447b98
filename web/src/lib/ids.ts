// Client-made ids for commands (offers, messages, evidence requests): a retried command with the
// same id changes nothing on the server.
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 13)}`;
}
