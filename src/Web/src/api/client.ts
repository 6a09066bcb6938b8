import type { TypedDocumentString } from "../gql/graphql";
import { session, signOut } from "../app/session";
import { Store } from "../app/store";
import { AppError } from "./errors";

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; correlationId?: string } }[];
}

/** How many GraphQL requests are in flight: work that waits for the first screen (app/idle.ts) waits for none. */
export const inFlight = new Store<number>(0);

/** Sends a typed document to POST /graphql; any error becomes an AppError with the server's stable code. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const token = session.value?.token;
  inFlight.set(inFlight.value + 1);
  try {
    let response: Response;
    try {
      response = await fetch("/graphql", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
    } catch {
      throw new AppError("OFFLINE");
    }
    return await readResponse<TResult>(response);
  } finally {
    inFlight.set(inFlight.value - 1);
  }
}

export async function readResponse<T>(response: Response): Promise<T> {
  let body: GraphQLResponse<T> | null = null;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    body = null;
  }
  const first = body?.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? codeOfStatus(response.status);
    if (code === "NOT_AUTHENTICATED") signOut();
    throw new AppError(code, first.message, first.extensions?.correlationId);
  }
  if (!response.ok || !body?.data) throw new AppError(codeOfStatus(response.status));
  return body.data;
}

function codeOfStatus(status: number): string {
  switch (status) {
    case 401: return "NOT_AUTHENTICATED";
    case 403: return "NOT_ALLOWED";
    case 404: return "NOT_FOUND";
    case 429: return "RATE_LIMITED";
    case 502: case 503: return "UNAVAILABLE";
    case 504: return "TIMEOUT";
    default: return status >= 400 && status < 500 ? "INVALID_INPUT" : "INTERNAL";
  }
}

/**
 * A file from an authenticated endpoint (export, attendance CSV, evidence), saved through a temporary link; without
 * a `fileName`, under the name the server gives (Content-Disposition).
 */
export async function download(path: string, fileName?: string): Promise<void> {
  const response = await fetchFile(path);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName ?? nameIn(response.headers.get("content-disposition")) ?? "tep";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file from an endpoint that may need the session's token (an image of news for members only), as a local URL to revoke. */
export async function fileUrl(path: string): Promise<string> {
  return URL.createObjectURL(await (await fetchFile(path)).blob());
}

async function fetchFile(path: string): Promise<Response> {
  const token = session.value?.token;
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new AppError("OFFLINE");
  }
  if (!response.ok) throw new AppError(codeOfStatus(response.status));
  return response;
}

function nameIn(disposition: string | null): string | null {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "");
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition ?? "")?.[1] ?? null;
}

/** Uploads one file (`POST /files`, multipart field `file`); its id is then named in a mutation (evidence, attachments). */
export async function upload(file: File): Promise<{ id: string; name: string }> {
  const token = session.value?.token;
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch("/files", { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  } catch {
    throw new AppError("OFFLINE");
  }
  if (!response.ok) {
    // A problem document: `code`, the Vietnamese `title`, `correlationId`.
    const problem = (await response.json().catch(() => null)) as { code?: string; title?: string; correlationId?: string } | null;
    throw new AppError(problem?.code ?? codeOfStatus(response.status), problem?.title, problem?.correlationId);
  }
  return (await response.json()) as { id: string; name: string };
}
