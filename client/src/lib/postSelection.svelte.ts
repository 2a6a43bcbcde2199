/**
 * The posts a moderator has ticked on the thread page to move them elsewhere ("Przenieś
 * zaznaczone"). Shared by the tools bar and the checkbox on every post of the open thread.
 */
export const postSelection = $state({ active: false, ids: [] as string[] });

export function toggleSelected(id: string, selected: boolean): void {
  const others = postSelection.ids.filter((other) => other !== id);
  postSelection.ids = selected ? [...others, id] : others;
}

export function endSelection(): void {
  postSelection.active = false;
  postSelection.ids = [];
}
