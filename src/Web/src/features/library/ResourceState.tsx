import { t, type MessageKey } from "../../app/i18n";
import type { ResourceStatus } from "../../gql/graphql";

const states: Record<ResourceStatus, MessageKey> = {
  SUBMITTED: "library.status.SUBMITTED",
  APPROVED: "library.status.APPROVED",
  REJECTED: "library.status.REJECTED",
  WITHDRAWN: "library.status.WITHDRAWN",
};

type Decided = { status: ResourceStatus; rejectionReason?: string | null; withdrawalReason?: string | null };

/** A resource's review state as its submitter reads it, with the official's reason when it was refused or withdrawn. */
export function ResourceState({ r }: { r: Decided }) {
  const reason =
    r.status === "REJECTED" && r.rejectionReason
      ? t("library.rejectionReason", { reason: r.rejectionReason })
      : r.status === "WITHDRAWN" && r.withdrawalReason
        ? t("library.withdrawalReason", { reason: r.withdrawalReason })
        : null;
  return (
    <div class={r.status === "APPROVED" || r.status === "SUBMITTED" ? "" : "notice"} data-testid="resource-state">
      <p>
        <span class="tag">{t(states[r.status])}</span>
      </p>
      {reason && <p>{reason}</p>}
    </div>
  );
}
