-- Open Badges 3.0 credentials (docs/adr/0191). No personal data here beyond the person's id, as in `entries`.

-- Each unit's Ed25519 keys, numbered: the newest signs, every one stays published (older credentials keep verifying).
-- The private key is wrapped (AES-256-GCM) with the installation's key-wrapping key (`Vape:Badges:KeyWrappingKey`).
create table if not exists records.badge_keys (
  unit_id uuid not null,
  n int not null,
  public_key bytea not null,
  private_key bytea not null,
  created_at timestamptz not null,
  primary key (unit_id, n)
);

-- A unit's status list: each credential it issues takes the next index.
create table if not exists records.badge_status_lists (
  unit_id uuid primary key,
  next_index int not null default 0
);

-- One credential per achievement of a person (idempotent), its place in the unit's status list, and its revocation.
create table if not exists records.badges (
  id uuid primary key,
  person_id uuid not null,
  source_kind text not null,
  source_id uuid not null,
  unit_id uuid not null,
  status_index int not null,
  credential text not null,
  issued_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid,
  revocation_reason bytea,
  unique (person_id, source_kind, source_id),
  unique (unit_id, status_index)
);
create index if not exists badges_unit_revoked on records.badges (unit_id) where revoked_at is not null;
