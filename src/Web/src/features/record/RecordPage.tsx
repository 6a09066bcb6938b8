import type { RouteProps } from "../../app/router";
export default function Page(_: RouteProps) {
  return <p>…</p>;
}
