// Evidence and message ids are made by whoever adds the item, so two makers can pick the same
// one. An id is unique among the items its maker can see: refusing an id because an item hidden
// from the maker holds it would tell them that the hidden item exists (issue 8, item 10). So an
// item is named by its maker and its id together (docs/decisions/0002-domain-choices.md).
import type { Party } from '../actor.ts';

export type Uploader = Party | 'arbitrator';

interface Item {
  readonly id: string;
  readonly by: Uploader;
  readonly arbitratorOnly: boolean;
}

/**
 * Whether `who` can see the item: all but the other party's arbitrator-only items. The same rule
 * as the views' (service/dispute-case.ts visibleTo), seen from a maker rather than a reader.
 */
export function seenBy(item: Item, who: Uploader): boolean {
  return who === 'arbitrator' || item.by === who || !item.arbitratorOnly;
}

/**
 * The item an id already names for this maker: their own, else one they can see. An id held only
 * by items hidden from them is free for them, exactly as an unused one.
 */
export function itemNamedFor<T extends Item>(
  items: readonly T[],
  id: string,
  who: Uploader,
): T | undefined {
  return (
    items.find((x) => x.id === id && x.by === who) ??
    items.find((x) => x.id === id && seenBy(x, who))
  );
}
