import { SessionOverlayInput } from './session-overlay.types';

export const AGENT_SESSION_FORMAT = 'socle.agent.session/v1';

/**
 * The session for laptops running the Socle agent (see SESSION_OVERLAY.md). The agent keeps the
 * overlay until `session_end` arrives or `endsAt` passes on its own clock, whichever comes first.
 */
export function buildAgentSessionOverlay(input: SessionOverlayInput) {
  return {
    format: AGENT_SESSION_FORMAT,
    session: {
      id: input.sessionId,
      startsAt: input.startsAt.toISOString(),
      endsAt: input.endsAt.toISOString(),
      classroom: input.classroom,
    },
    allowedApps: input.apps.map((app) => ({ identifier: app.identifier, name: app.name })),
    allowedDomains: input.domains,
  };
}
