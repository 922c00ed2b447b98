// The simulation's agenda: what happens next, earliest first, ties in the order they were
// added (a binary heap on (at, seq)), so a run replays in exactly the same order.

export interface Entry<T> {
  readonly at: number;
  readonly seq: number;
  readonly item: T;
}

export class Agenda<T> {
  readonly #heap: Entry<T>[] = [];
  #seq = 0;

  get size(): number {
    return this.#heap.length;
  }

  add(at: number, item: T): void {
    const heap = this.#heap;
    heap.push({ at, seq: this.#seq++, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Entry<T>, heap[parent] as Entry<T>)) break;
      [heap[i], heap[parent]] = [heap[parent] as Entry<T>, heap[i] as Entry<T>];
      i = parent;
    }
  }

  peek(): Entry<T> | undefined {
    return this.#heap[0];
  }

  take(): Entry<T> | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l] as Entry<T>, heap[m] as Entry<T>)) m = l;
      if (r < heap.length && before(heap[r] as Entry<T>, heap[m] as Entry<T>)) m = r;
      if (m === i) return top;
      [heap[i], heap[m]] = [heap[m] as Entry<T>, heap[i] as Entry<T>];
      i = m;
    }
  }
}

const before = <T>(a: Entry<T>, b: Entry<T>) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
