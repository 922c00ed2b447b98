// What-if simulations asked for over HTTP: small, bounded, run in the background in this process
// on a store of their own (in-memory PGlite, never the live database), cancellable, kept in
// memory with their report until the process ends (a what-if is a question, not a record).
import { randomUUID } from 'node:crypto';
import type { SimulationDocument } from './document.ts';
import { runDocument, type SimulationRequest, type Step } from './simulation.ts';

/** A what-if over HTTP answers in seconds to a minute: anything bigger is for `settle simulate`. */
export const WHAT_IF_LIMITS = { sellers: 200, orders: 20_000, days: 90 } as const;
/** Simulations running at once per process (each holds a PGlite in memory). */
export const RUNNING_MAX = 2;
/** Finished simulations kept (oldest dropped first). */
export const KEPT_MAX = 20;

export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  readonly id: string;
  readonly createdBy: string;
  status: JobStatus;
  step?: Step;
  document?: SimulationDocument;
  error?: string;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

export class SimulationJobs {
  readonly #jobs = new Map<string, Job>();

  running(): number {
    return [...this.#jobs.values()].filter((j) => j.status === 'running').length;
  }

  start(request: SimulationRequest, createdBy: string): Job | undefined {
    if (this.running() >= RUNNING_MAX) return undefined;
    const controller = new AbortController();
    const id = randomUUID();
    const job = { id, createdBy, status: 'running' as JobStatus, controller } as Job;
    const done = runDocument(
      request,
      {},
      (s) => {
        job.step = s;
      },
      controller.signal,
    ).then(
      (document) => {
        if (job.status !== 'running') return;
        job.document = document;
        job.status = 'succeeded';
      },
      (error: unknown) => {
        if (job.status !== 'running') return;
        job.status = controller.signal.aborted ? 'cancelled' : 'failed';
        if (!controller.signal.aborted) job.error = String(error);
      },
    );
    Object.assign(job, { done });
    this.#jobs.set(id, job);
    this.#trim();
    return job;
  }

  get(id: string): Job | undefined {
    return this.#jobs.get(id);
  }

  /** Stops a running simulation (its store is dropped as the run unwinds); false if it was not running. */
  cancel(id: string): boolean {
    const job = this.#jobs.get(id);
    if (job === undefined || job.status !== 'running') return false;
    job.status = 'cancelled';
    job.controller.abort();
    return true;
  }

  async close(): Promise<void> {
    for (const job of this.#jobs.values()) if (job.status === 'running') this.cancel(job.id);
    await Promise.all([...this.#jobs.values()].map((j) => j.done));
  }

  #trim() {
    const finished = [...this.#jobs.values()].filter((j) => j.status !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_MAX)))
      this.#jobs.delete(job.id);
  }
}
