import { API_BASE, ApiError, problemFrom, sessionStore } from './client.ts';

/**
 * PUTs a file as the raw body with XMLHttpRequest, because fetch reports no upload progress and a slow
 * connection needs a moving bar. Rejects with ApiError: code NETWORK for a lost connection (worth a
 * retry), the server's code (FILE_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE…) for a refusal.
 */
export function uploadDocument(
  applicationId: string,
  kind: string,
  file: Blob,
  language: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return uploadFile(`/applications/${applicationId}/documents/${kind}`, file, language, onProgress);
}

/** Any of the applicant's uploads (a scan, the new document of an objection) to its API path. */
export function uploadFile(
  path: string,
  file: Blob,
  language: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `${API_BASE}${path}`);
    const session = sessionStore.get();
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session.token}`);
    xhr.setRequestHeader('Accept-Language', language);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not a problem document: keep the status alone
      }
      reject(problemFrom(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', detail: '' }));
    xhr.send(file);
  });
}
