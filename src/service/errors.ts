// Infrastructure outcomes of the service, as opposed to domain rejections (typed values).

/** The dispute kept changing under us for every bounded retry: the caller may try again. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  readonly disputeId: string;
  readonly attempts: number;
  constructor(disputeId: string, attempts: number, options?: { cause?: unknown }) {
    super(`dispute ${disputeId} was changed concurrently ${attempts} times; try again`, options);
    this.disputeId = disputeId;
    this.attempts = attempts;
  }
}

/** Something the command names does not exist (an order, a seller). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly what: string;
  readonly id: string;
  constructor(what: string, id: string) {
    super(`no ${what} ${id}`);
    this.what = what;
    this.id = id;
  }
}
