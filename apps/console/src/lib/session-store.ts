/** The bearer token lives in this tab's sessionStorage: closing the tab logs out, other sites cannot read it. */
const KEY = 'socle.accessToken';

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (token: string) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** Called when the API says the token no longer works (401): the console goes back to the login page. */
export const sessionExpired = {
  notify: () => expiredListeners.forEach((listener) => listener()),
  subscribe: (listener: Listener) => {
    expiredListeners.add(listener);
    return () => {
      expiredListeners.delete(listener);
    };
  },
};
