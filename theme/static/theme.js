/* Applies the reader's remembered colour theme before the page is drawn (no flash). Without one, the system's. */
(function () {
  'use strict';
  try {
    var theme = window.localStorage.getItem('handbook.theme');
    if (theme === 'dark' || theme === 'light') { document.documentElement.setAttribute('data-theme', theme); }
  } catch (e) { /* storage unavailable: follow the system */ }
}());
