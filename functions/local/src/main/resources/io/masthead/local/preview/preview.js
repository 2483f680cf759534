(function () {
  'use strict';
  var main = document.getElementById('articles');
  var etag = main.getAttribute('data-etag');
  var busy = false, again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch('articles', { headers: etag ? { 'If-None-Match': etag } : {}, cache: 'no-store' })
      .then(function (r) {
        if (r.status !== 200) { return null; }
        etag = r.headers.get('ETag');
        return r.text().then(function (html) {
          var y = window.scrollY;
          main.innerHTML = html;
          main.setAttribute('data-etag', etag || '');
          window.scrollTo(0, y);
        });
      })
      .catch(function () {})
      .then(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  if (window.EventSource) {
    var events = new EventSource('events');
    events.addEventListener('change', refresh);
    events.onopen = refresh;
  } else {
    setInterval(refresh, 3000);
  }
})();
