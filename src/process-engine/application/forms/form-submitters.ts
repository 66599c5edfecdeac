import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../../identity/index.js';

/**
 * Who is submitting a task form right now, for the engine's in-transaction handler of
 * `forms.form.submitted`: the event names the submitter by id only, while completing the task
 * needs their permissions and groups (CompleteTask's rules). CompleteTaskForm runs the submission
 * inside `run(actor, …)`; the handler refuses an event whose submitter is not the one in scope.
 */
@Injectable()
export class FormSubmitters {
  private readonly store = new AsyncLocalStorage<Principal>();

  run<T>(actor: Principal, fn: () => Promise<T>): Promise<T> {
    return this.store.run(actor, fn);
  }

  current(): Principal | undefined {
    return this.store.getStore();
  }
}
