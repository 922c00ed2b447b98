// Bad input to an account or key operation (CLI, admin API): the message is for the person who
// typed it, so it names the field and the rule, never a stack trace.
export class AuthInputError extends Error {
  override readonly name: string = 'AuthInputError';
}

/** The account or key exists already (an email taken): the admin API answers 409, not 422. */
export class AuthConflictError extends AuthInputError {
  override readonly name = 'AuthConflictError';
}
