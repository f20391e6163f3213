import { isProblem } from '@/lib/problem';

/**
 * Maps a 400 problem's field errors to the form's inputs: `errorFor('amount')` is the message to show beside
 * the amount field. A field the form does not show is left to the problem summary.
 */
export function fieldErrors(error: unknown): (field: string) => string | undefined {
  if (!isProblem(error) || error.errors.length === 0) return () => undefined;
  return (field: string) => error.fieldError(field);
}
