package io.fordra.dispute;

/** "Decide disputed claim": a rejected objection may not go to normal collection (seed 002). */
enum DisputedClaimDecision { CONCILIATION_BOARD, CLOSE }
