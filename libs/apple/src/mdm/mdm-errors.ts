/**
 * Apple's `ErrorUnrecognizedDevice` (iPadOS 17+): the 403 body that tells a device Socle no longer
 * manages it (retired, checked out) to unenroll. A 401 would do the same on any iPad, which is why a
 * transient fault must never answer 401: this error is the deliberate way.
 */
export function unrecognizedDeviceResponse(): { status: 403; contentType: 'application/json'; body: string } {
  return {
    status: 403,
    contentType: 'application/json',
    body: JSON.stringify({
      code: 'com.apple.unrecognized.device',
      description: 'The device is no longer managed by Socle (retired or checked out).',
      message: "Cette tablette n'est plus gérée par la collectivité.",
    }),
  };
}
