// Evidence uploads (multipart, one file each) with upload progress: fetch has no upload
// progress, so this one request goes through XMLHttpRequest, with the same CSRF and idempotency
// headers as the typed client.
import { observeServerNow } from '../lib/countdown.ts';
import { ApiError, csrfHeaders, newKey, toApiError } from './http.ts';

export interface EvidenceUpload {
  readonly file: File;
  readonly kind: string;
  readonly note?: string;
  readonly findings?: readonly string[];
  readonly evidenceId: string;
}

export function uploadEvidence(
  disputeId: string,
  upload: EvidenceUpload,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const form = new FormData();
  form.set('kind', upload.kind);
  form.set('evidenceId', upload.evidenceId);
  if (upload.note !== undefined && upload.note !== '') form.set('note', upload.note);
  if (upload.findings !== undefined && upload.findings.length > 0)
    form.set('findings', upload.findings.join(','));
  // The file goes last: the server reads the fields before it streams the file.
  form.set('file', upload.file, upload.file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/v1/disputes/${encodeURIComponent(disputeId)}/evidence`);
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('idempotency-key', newKey());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      observeServerNow(xhr.getResponseHeader('settle-now'));
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'upload failed'));
    xhr.send(form);
  });
}

/** A fresh evidence id (client-made, so a retried upload is recognised). */
export function newEvidenceId(): string {
  return `ev-${crypto.randomUUID().slice(0, 13)}`;
}
