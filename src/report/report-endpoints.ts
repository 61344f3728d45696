// The registered time-to-event endpoints of the report, each named by what it counts and what
// it censors, and defined in words.
import type { CastrationResistanceDefinition } from '../psa/detect-castration-resistance.js';
import type { EndpointSpec } from './endpoint-section.js';

/**
 * The time-to-event endpoints the report estimates, each named by what it counts and what it
 * censors, with castration resistance dated as `crpc` says.
 */
export function reportEndpoints(crpc: string): readonly EndpointSpec[] {
  return [
    {
      endpoint: 'castration-resistance',
      label: 'Free of castration resistance (deaths censored)',
      definition: `Event: castration resistance (${crpc}). Censored: at the last follow-up, at a death without castration resistance, and at 2 years.`,
      competingRisk: true,
    },
    {
      endpoint: 'distant-metastasis',
      label: 'Free of distant metastasis (deaths censored)',
      definition:
        'Event: distant metastasis on imaging. Censored: at the last imaging (else the last follow-up), at a death without metastasis, and at 2 years.',
      competingRisk: true,
    },
    {
      endpoint: 'metastasis-free-survival',
      label: 'Metastasis-free survival (event: metastasis or death)',
      definition:
        'Event: distant metastasis or death from any cause, whichever comes first. Censored: at the last imaging (else the last follow-up), and at 2 years.',
      competingRisk: false,
    },
  ];
}

/** The report's time-to-event endpoints with castration resistance as recorded (the default). */
export const REPORT_ENDPOINTS: readonly EndpointSpec[] = reportEndpoints('date as recorded');

/** How the endpoints' definitions name the dates of castration resistance. */
export function crpcWording(
  castrationResistance: 'recorded' | 'derived',
  definition: CastrationResistanceDefinition,
): string {
  return castrationResistance === 'recorded'
    ? 'date as recorded'
    : `date derived from PSA and testosterone, ${definition.toUpperCase()} definition`;
}
