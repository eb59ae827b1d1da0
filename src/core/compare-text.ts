/** Orders strings by code unit, the same on every machine (localeCompare depends on the locale):
 *  what makes a sort by id or name give one result, whatever order the mailbox gave. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
