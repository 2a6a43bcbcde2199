import type { AttachmentView, ApiError } from "@forum/shared/api";
import { ApiRequestError, CSRF_INVALID, currentCsrfToken, forgetCsrfToken, NETWORK_ERROR } from "./api";
import { endpoints, urlOf } from "./endpoints";

/**
 * Sends one file to POST /api/uploads. XMLHttpRequest rather than fetch, because only it
 * reports upload progress. The server checks the type by content and answers in Polish.
 */
function sendOnce(file: File, csrf: string, onProgress: (fraction: number) => void): Promise<AttachmentView> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", urlOf(endpoints.posts.upload));
    request.setRequestHeader("Accept", "application/json");
    if (csrf) request.setRequestHeader("x-csrf-token", csrf);
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener("error", () => reject(new ApiRequestError(0, NETWORK_ERROR, "")));
    request.addEventListener("load", () => {
      const payload = request.response as { attachment?: AttachmentView } | ApiError | null;
      if (request.status === 201 && payload && "attachment" in payload && payload.attachment) {
        return resolve(payload.attachment);
      }
      const error = payload && "error" in payload ? payload.error : null;
      reject(
        new ApiRequestError(
          request.status,
          error?.code ?? `http_${request.status}`,
          error?.message ?? "",
          error?.fields,
        ),
      );
    });
    const form = new FormData();
    form.append("file", file, file.name);
    request.send(form);
  });
}

export async function uploadAttachment(file: File, onProgress: (fraction: number) => void): Promise<AttachmentView> {
  try {
    return await sendOnce(file, await currentCsrfToken(), onProgress);
  } catch (cause) {
    if (cause instanceof ApiRequestError && cause.status === 403 && cause.code === CSRF_INVALID) {
      forgetCsrfToken();
      return sendOnce(file, await currentCsrfToken(), onProgress);
    }
    throw cause;
  }
}
