import { ZErrorAnswer } from "@/lib/http/answers";
import { ApiError } from "@/lib/http/fetch-json";
import { ZUploadAnswer, type TUploadAnswer } from "@/lib/media/schemas";

/**
 * Sends an image file to POST /api/uploads. XMLHttpRequest, not fetch: only it reports upload
 * progress. `onProgress` gets 0–100; the promise ends with the served URL, type and name.
 */
export function uploadImage(
  file: Blob,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<TUploadAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status !== 201) {
        const error = ZErrorAnswer.safeParse(body).data?.error;
        reject(new ApiError(xhr.status, error?.code ?? "HTTP", error?.message ?? `The server answered ${xhr.status}.`));
        return;
      }
      const parsed = ZUploadAnswer.safeParse(body);
      if (parsed.success) resolve(parsed.data.upload);
      else reject(new ApiError(xhr.status, "BAD_RESPONSE", "The server sent an answer we do not understand."));
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", "The upload failed: the server cannot be reached."));
    xhr.onabort = () => reject(new ApiError(0, "ABORTED", "The upload was cancelled."));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
