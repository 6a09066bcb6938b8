import { AppError } from "../../api/errors";
import { signedIn, type Session } from "../../app/session";

/** Development and tests: the local issuer's one-time codes (docs/accounts.md). Production signs citizens in with OIDC. */
async function post(path: string, body: unknown): Promise<Response> {
  try {
    return await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new AppError("OFFLINE");
  }
}

async function fail(response: Response): Promise<never> {
  let code = response.status === 404 ? "NOT_FOUND" : "INVALID_INPUT";
  let message: string | undefined;
  try {
    const problem = (await response.json()) as { code?: string; title?: string };
    code = problem.code ?? code;
    message = problem.title;
  } catch {
    /* not a problem document */
  }
  throw new AppError(code, message);
}

export async function sendCode(address: string): Promise<void> {
  const response = await post("/auth/local/code", { address });
  if (!response.ok) await fail(response);
}

/** The right code: signed in as the account, which is no member yet (personId empty until the claim). */
export async function verifyCode(address: string, code: string): Promise<Session> {
  const response = await post("/auth/local/token", { address, code });
  if (!response.ok) await fail(response);
  const body = (await response.json()) as { accessToken: string };
  const s: Session = { token: body.accessToken, personId: "", name: "" };
  signedIn(s);
  return s;
}

/** Recovery (ADR 0186): accepted alike whether or not a member has the address on file. */
export async function sendRecoveryCode(address: string): Promise<void> {
  const response = await post("/auth/local/recovery/code", { address });
  if (!response.ok) await fail(response);
}

/** The right recovery code: a token for the address's account, now linked to the member who has it on file. */
export async function recover(address: string, code: string): Promise<string> {
  const response = await post("/auth/local/recovery/token", { address, code });
  if (!response.ok) await fail(response);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
