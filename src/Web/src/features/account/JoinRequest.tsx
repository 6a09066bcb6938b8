import { useState } from "preact/hooks";
import { request } from "../../api/client";
import { formatDateTime } from "../../app/i18n";
import { session, signedIn } from "../../app/session";
import { ErrorMessage, Show, useAction, useLoad } from "../../app/ui";
import { FindUnitsQuery, MyMembershipRequestQuery, RequestMembershipMutation, WithdrawMembershipRequestMutation } from "./documents";
import { at } from "./messages";

type Unit = { id: string; name: string; parent?: { name: string } | null };

/**
 * A signed-in citizen with no member yet asks a unit they choose to take them in (docs/accounts.md), sees the
 * request's state (waiting, refused with its reason, withdrawn) and may withdraw it. Once approved, the account is
 * the member: the session learns whom.
 */
export function JoinRequest() {
  const loaded = useLoad(async () => {
    const r = await request(MyMembershipRequestQuery);
    const person = r.myAccount.person;
    const current = session.value;
    if (person && current && current.personId !== person.id) signedIn({ ...current, personId: person.id, name: person.fullName });
    return r;
  }, []);
  const action = useAction();

  return (
    <section aria-labelledby="join-title">
      <h2 id="join-title">{at("join.title")}</h2>
      <Show loaded={loaded}>
        {({ myAccount, myMembershipRequest: mine }) => {
          if (myAccount.person)
            return (
              <p class="notice" role="status">
                {at("join.member", { name: myAccount.person.fullName })} <a href="/record">{at("join.record")}</a>
              </p>
            );
          const unit = mine?.unit?.name ?? "";
          if (mine?.status === "WAITING")
            return (
              <div data-testid="join-request">
                <p class="notice" role="status">{at("join.waiting", { unit, at: formatDateTime(mine.requestedAt) })}</p>
                <button type="button" class="secondary" disabled={action.busy}
                  onClick={() => action.run(async () => {
                    await request(WithdrawMembershipRequestMutation, { input: { requestId: mine.id } });
                    loaded.reload();
                  })}>
                  {at("join.withdraw")}
                </button>
                {action.error !== undefined && <ErrorMessage error={action.error} />}
              </div>
            );
          return (
            <>
              {mine?.status === "REJECTED" && (
                <div data-testid="join-request" class="notice" role="status">
                  <p>{at("join.rejected", { unit })}</p>
                  {mine.reason && <p>{at("join.reason", { reason: mine.reason })}</p>}
                  <p>{at("join.again")}</p>
                </div>
              )}
              {mine?.status === "WITHDRAWN" && (
                <p data-testid="join-request" class="notice" role="status">{at("join.withdrawn", { unit })}</p>
              )}
              <p>{at("join.intro")}</p>
              <JoinForm sent={loaded.reload} initialName={mine?.fullName ?? ""} />
            </>
          );
        }}
      </Show>
    </section>
  );
}

function JoinForm({ sent, initialName }: { sent: () => void; initialName: string }) {
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [unitId, setUnitId] = useState("");
  const find = useAction();
  const send = useAction();

  function search(e: Event) {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget as HTMLFormElement).get("q") ?? "").trim();
    if (!text) return;
    void find.run(async () => {
      const found = (await request(FindUnitsQuery, { text })).searchUnits.nodes;
      setUnits(found);
      setUnitId(found.length === 1 ? found[0]!.id : "");
    });
  }

  function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const year = String(form.get("birthYear") ?? "").trim();
    void send.run(async () => {
      await request(RequestMembershipMutation, {
        input: { unitId, fullName: String(form.get("fullName") ?? ""), birthYear: year ? Number(year) : null },
      });
      sent();
    });
  }

  return (
    <>
      <form role="search" class="row" onSubmit={search}>
        <div>
          <label for="join-q">{at("join.search")}</label>
          <input id="join-q" name="q" type="search" maxLength={200} required />
        </div>
        <button type="submit" class="secondary" disabled={find.busy}>{at("join.find")}</button>
      </form>
      {find.error !== undefined && <ErrorMessage error={find.error} />}
      {units && units.length === 0 && <p class="muted" role="status">{at("join.noUnits")}</p>}
      {units && units.length > 0 && (
        <form onSubmit={submit}>
          <fieldset>
            <legend>{at("join.units")}</legend>
            {units.map((u) => (
              <label key={u.id} class="check">
                <input type="radio" name="unit" value={u.id} checked={unitId === u.id} required onChange={() => setUnitId(u.id)} />
                {u.name}
                {u.parent && <span class="muted"> · {u.parent.name}</span>}
              </label>
            ))}
          </fieldset>
          <label for="join-name">{at("join.fullName")}</label>
          <input id="join-name" name="fullName" autocomplete="name" maxLength={200} required defaultValue={initialName} />
          <label for="join-year">{at("join.birthYear")}</label>
          <input id="join-year" name="birthYear" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} />
          <button type="submit" disabled={send.busy || !unitId}>{at("join.send")}</button>
          {send.error !== undefined && <ErrorMessage error={send.error} />}
        </form>
      )}
    </>
  );
}
