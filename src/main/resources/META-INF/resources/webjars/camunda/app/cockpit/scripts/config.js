/*
 * Fordra's Cockpit configuration. It replaces the stock app/cockpit/scripts/config.js of camunda-webapp-webjar
 * (same class-path location, Fordra's classes come first) and registers Fordra's plugin: the invoice history
 * (scripts/fordra-history.js), read through the engine's history REST API. See README, "Auditors".
 */
export default {
  customScripts: [
    // relative to app/cockpit/; Cockpit appends ".js" and imports it as an ES module
    'scripts/fordra-history'
  ],
  csrfCookieName: 'XSRF-TOKEN',
  disableWelcomeMessage: false
};
