import { t, type MessageKey } from "../app/i18n";

/** An error the app can explain: a stable code from the server (extensions.code, a hub's `CODE: message`) or OFFLINE. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly serverMessage?: string,
    readonly correlationId?: string,
  ) {
    super(code);
    this.name = "AppError";
  }
}

const known = new Set<string>([
  "NOT_AUTHENTICATED", "NOT_ALLOWED", "NOT_FOUND", "INVALID_INPUT", "VERSION_CONFLICT", "RATE_LIMITED", "TOO_MANY_IN_FLIGHT", "TIMEOUT",
  "UNAVAILABLE", "INTERNAL", "OFFLINE", "NOT_ENROLLED", "CLASS_NOT_STARTED", "CLASS_ENDED", "CLASS_CANCELLED",
  "NOT_IN_ROOM", "REMOVED", "ROOM_LOCKED", "MUTED", "POLL_CLOSED", "ALREADY_VOTED", "TOO_EARLY",
  "CODE_INVALID", "CLAIM_FAILED", "CLAIM_LOCKED", "CONTACT_LOCKED", "CODE_SEND_FAILED", "CODE_SENDER_MISSING", "FILE_TOO_LARGE", "FILE_TYPE_NOT_ALLOWED", "FILE_TYPE_MISMATCH", "FILE_NAME_INVALID",
  "MEDIA_OFF", "MEDIA_UNAVAILABLE", "MEDIA_DEVICE", "SCREEN_SHARED", "SIGN_IN_FAILED",
]);

/** Codes whose server message says exactly what is wrong (the input; TOO_EARLY: from when the room opens) (Vietnamese, written for people). */
const serverExplains = new Set(["INVALID_INPUT", "TOO_EARLY", "CLAIM_LOCKED", "CONTACT_LOCKED", "FILE_TYPE_NOT_ALLOWED"]);

/**
 * What a person reads for an error: always a sentence from the catalogue saying what happened and what to do,
 * never raw text or a stack. For INVALID_INPUT in Vietnamese the server's own sentence (which names the field) is added.
 */
export function describeError(error: unknown): string {
  const e = toAppError(error);
  const code = known.has(e.code) ? e.code : "UNKNOWN";
  const text = t(("error." + code) as MessageKey, { ref: shortRef(e.correlationId) });
  if (serverExplains.has(code) && e.serverMessage && isPlainSentence(e.serverMessage)) return `${text} (${e.serverMessage})`;
  return text;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Error) {
    // SignalR's HubException text: "An unexpected error occurred invoking 'X' on the server. HubException: CODE: message"
    const m = /(?:HubException: )?\b([A-Z][A-Z_]{2,}): (.*)$/s.exec(error.message);
    if (m?.[1] && known.has(m[1])) return new AppError(m[1], m[2]);
    if (/network|fetch|offline|websocket|connection/i.test(error.message)) return new AppError("OFFLINE");
  }
  return new AppError("UNKNOWN");
}

function shortRef(id?: string): string {
  return id ? id.slice(0, 12) : "—";
}

function isPlainSentence(s: string): boolean {
  return s.length < 300 && !/[{}<>]|\bat \w+\.|Exception/.test(s);
}
