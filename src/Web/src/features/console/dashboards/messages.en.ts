import type { DashKey } from "./messages.vi";

// The dashboards, English: the same keys as the Vietnamese ones (a missing or extra key fails tsc).
export const den: Record<DashKey, string> = {
  "dash.title": "Dashboards",
  "dash.unit": "My unit",
  "dash.within": "Within the tree",
  "dash.whole": "The whole tree",
  "dash.asOf": "As of",
  "dash.members.title": "Members and units over time",
  "dash.members.caption": "Members and units of {unit} at the end of each month, up to {date}",
  "dash.month": "Month",
  "dash.members": "Members",
  "dash.units": "Units below",
  "dash.kinds": "By kind",
  "dash.none": "not yet",
  "dash.hours.title": "Learning hours by domain",
  "dash.hours.caption": "Learning hours of {unit} in {year} by domain",
  "dash.domain": "Domain",
  "dash.people": "People",
  "dash.hours": "Hours",
  "dash.total": "Total",
  "dash.hidden": "hidden",
  "dash.hiddenHint": "Groups of fewer than 5 people are hidden so that nobody can be recognised.",
  "dash.notYet": "The unit did not exist on that date.",
};
