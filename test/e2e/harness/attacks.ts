/** What the hostile-page attacks serve: pages of the attacker's own, on an origin GaitGuard is not on. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The attacker's page, served on another port of the EHR's host: it frames the coder's note (?frame=), bills a
 * line of its own so that a reader running here would merge the note into findings, and collects whatever
 * GaitGuard shows.
 */
export const PORT_TRICK_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Scheduling - another application on the same host</title></head>
<body>
<h1>Today's schedule</h1>
<p>A page on another port of the EHR's host. It frames the coder's note (given in ?frame=) and tries to read
   what GaitGuard shows about it.</p>
<!-- A charge line of its own, so that a reader running here would merge the framed note into findings. -->
<table class="charges">
  <thead><tr><th>Code</th><th>Mod</th><th>Units</th></tr></thead>
  <tbody><tr><td>97116</td><td>GP</td><td>3</td></tr></tbody>
</table>
<iframe id="victim" title="Embedded note" width="700" height="300"></iframe>
<script>
  var target = new URLSearchParams(location.search).get('frame');
  if (target) document.getElementById('victim').src = target;
  // Everything the attacker can see of GaitGuard, collected again and again for the test to inspect.
  window.__stolen = [];
  setInterval(function () {
    document.querySelectorAll('gaitguard-overlay').forEach(function (host) {
      var root = host.shadowRoot;
      var quotes = root ? root.querySelectorAll('.gg-evidence, .gg-message') : [];
      window.__stolen.push(root ? Array.prototype.map.call(quotes, function (n) { return n.textContent; }).join(' | ') : '<closed>');
    });
  }, 100);
</script>
</body>
</html>
`;

/**
 * The EHR page's own scripts (a compromised widget, an analytics tag) on a page the coder turned on: they try
 * to read what GaitGuard shows through the host's shadow root, and patch attachShadow before GaitGuard runs
 * so that its root is made open and handed to them.
 */
export const PAGE_READER_SCRIPT = `(() => {
  window.__stolen = [];
  window.__captured = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, Object.assign({}, init, { mode: 'open' }));
    window.__captured.push(root);
    return root;
  };
  setInterval(() => {
    document.querySelectorAll('gaitguard-overlay').forEach((host) => {
      const roots = [host.shadowRoot].concat(window.__captured.filter((root) => root.host === host));
      for (const root of roots) window.__stolen.push(root ? root.textContent : '<closed>');
      window.__stolen.push(host.textContent, host.innerHTML);
    });
  }, 100);
})()`;

/**
 * The attacker's own server: PORT_TRICK_HTML at every path, on 127.0.0.1 at a port of its own (the EHR's
 * host, another origin). `origin` is that address; the same server answers as `localhost` too.
 */
export async function startAttackerServer(): Promise<{
  origin: string;
  port: number;
  close(): Promise<void>;
}> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(PORT_TRICK_HTML);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
