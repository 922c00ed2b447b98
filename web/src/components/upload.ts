// Uploads picked files one after another, reporting each one's progress; a file already
// uploaded (a retry after a refusal) is not sent again.
import { uploadEvidence } from '../api/evidence.ts';
import type { PickedFile } from './evidence-picker.tsx';

export async function uploadAll(
  disputeId: string,
  files: PickedFile[],
  update: (f: (files: PickedFile[]) => PickedFile[]) => void,
  extra: { note?: string; findings?: readonly string[] } = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) {
    if (f.done) {
      ids.push(f.evidenceId);
      continue;
    }
    const set = (patch: Partial<PickedFile>) =>
      update((all) => all.map((x) => (x.key === f.key ? { ...x, ...patch } : x)));
    await uploadEvidence(
      disputeId,
      { file: f.file, kind: f.kind, evidenceId: f.evidenceId, ...extra },
      (progress) => set({ progress: Math.max(progress, 0.02) }),
    );
    set({ progress: 1, done: true });
    ids.push(f.evidenceId);
  }
  return ids;
}
