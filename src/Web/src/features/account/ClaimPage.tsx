import { useState } from "preact/hooks";
import { request } from "../../api/client";
import { t } from "../../app/i18n";
import { navigate } from "../../app/router";
import { session, signedIn } from "../../app/session";
import { ErrorMessage, useAction, useTitle } from "../../app/ui";
import { ClaimMembershipMutation } from "./documents";
import { JoinRequest } from "./JoinRequest";

/**
 * A signed-in account with no member yet claims the record its unit holds, with the claim code the unit handed out,
 * or asks a unit to take it in (JoinRequest).
 */
export default function ClaimPage() {
  useTitle(t("claim.title"));
  const [code, setCode] = useState("");
  const action = useAction();

  async function claim(e: Event) {
    e.preventDefault();
    const ok = await action.run(async () => {
      const result = await request(ClaimMembershipMutation, { input: { code } });
      const person = result.claimMembership.person;
      const current = session.value;
      if (person && current) signedIn({ ...current, personId: person.id, name: person.fullName });
    });
    if (ok) navigate("/record", true);
  }

  return (
    <section>
      <h1>{t("claim.title")}</h1>
      <p>{t("claim.intro")}</p>
      <form onSubmit={claim}>
        <label for="claim-code">{t("claim.code")}</label>
        <input id="claim-code" name="code" autocomplete="off" required value={code}
          onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled={action.busy}>{t("claim.submit")}</button>
      </form>
      {action.error !== undefined && <ErrorMessage error={action.error} />}
      <JoinRequest />
    </section>
  );
}
