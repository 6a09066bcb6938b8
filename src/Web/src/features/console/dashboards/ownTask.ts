/**
 * Resolves in a task of its own (a zero timeout): each section below the first starts its request there, so the four
 * requests of the dashboards' first render are four short tasks, not one long one (a trace at 4× CPU showed their
 * `fetch` calls as one 70–160 ms task with the effects that started them; docs/web.md).
 */
export const ownTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
