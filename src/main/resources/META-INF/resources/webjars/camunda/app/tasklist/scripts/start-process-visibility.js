/*
 * Efficiency-supervision platform: show Tasklist's "发起流程" only to people who have something to start.
 *
 * Loaded through config.js customScripts (an ES module imported before the app starts; no default export, so it
 * registers no plugin). styles/user-styles.css hides li.start-process-action unless <html> has the class
 * os-can-start-process. Each time the action appears (after a login, also a new login without reload) this script
 * asks the engine, with the user's session, how many process definitions the user may start in Tasklist: the same
 * query Tasklist's start dialog uses (latest, active, startableInTasklist, startablePermissionCheck). Handlers hold
 * no CREATE_INSTANCE grant, so they see neither the action nor an empty dialog.
 */
const CLASS = 'os-can-start-process';
const ACTION = 'li.start-process-action';
const base = document.querySelector('base');
const engineApi = (base && base.getAttribute('engine-api')) || '/camunda/api/engine/';
const COUNT_URL = engineApi + 'engine/default/process-definition/count'
  + '?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true';

let seen = null;

function check() {
  document.documentElement.classList.remove(CLASS);
  fetch(COUNT_URL, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : {count: 0}))
    .then(result => document.documentElement.classList.toggle(CLASS, result.count > 0))
    .catch(() => document.documentElement.classList.remove(CLASS));
}

new MutationObserver(() => {
  const action = document.querySelector(ACTION);
  if (action && action !== seen) {
    seen = action;
    check();
  }
  if (!action) {
    seen = null;
  }
}).observe(document.documentElement, {childList: true, subtree: true});
