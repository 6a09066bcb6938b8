-- Web Push (docs/adr/0123): the installation's VAPID key pair (one row, made by the first host that needs it), each
-- browser's subscription, and what was already sent to which subscription.

create table if not exists notifications.vapid_keys (
  id int primary key check (id = 1),
  public_key text not null,
  private_key text not null,
  created_at timestamptz not null
);

create table if not exists notifications.push_subscriptions (
  endpoint text primary key,
  person_id uuid not null,
  p256dh text not null,
  auth text not null,
  created_at timestamptz not null
);
create index if not exists push_subscriptions_person on notifications.push_subscriptions (person_id);

create table if not exists notifications.push_deliveries (
  notification_id uuid not null,
  endpoint text not null,
  sent_at timestamptz not null,
  primary key (notification_id, endpoint)
);
