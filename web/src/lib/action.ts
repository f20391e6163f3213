import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * An action a person takes (approve, save, export): it shows that it is working while it runs and what came of
 * it afterwards (a sentence for the `aria-live` status, or the problem). Refreshes the lists it changed.
 */
export function useAction<TArgs, TResult>(
  run: (args: TArgs) => Promise<TResult>,
  options: {
    success: string | ((result: TResult, args: TArgs) => string);
    invalidate?: QueryKey[];
    onSuccess?: (result: TResult, args: TArgs) => void;
  },
) {
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: run,
    onMutate: () => setMessage(null),
    onSuccess: async (result, args) => {
      setMessage(typeof options.success === 'function' ? options.success(result, args) : options.success);
      options.onSuccess?.(result, args);
      await Promise.all((options.invalidate ?? []).map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
  return {
    run: (args: TArgs) => mutation.mutate(args),
    runAsync: (args: TArgs) => mutation.mutateAsync(args),
    pending: mutation.isPending,
    error: mutation.error,
    message,
    reset: () => {
      mutation.reset();
      setMessage(null);
    },
  };
}

export type Action = Pick<ReturnType<typeof useAction>, 'pending' | 'error' | 'message'>;
