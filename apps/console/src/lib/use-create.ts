import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from './api';

/** A POST that refreshes the lists it changes; its error is shown next to the form that sent it. */
export function useCreate<T = unknown>(path: string, invalidates: string[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => apiPost<T>(path, body),
    onSuccess: () => Promise.all(invalidates.map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
}
