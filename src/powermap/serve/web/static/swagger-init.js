// Swagger UI over the API description, from swagger-ui-dist in /static/vendor (no CDN).
(function () {
  "use strict";
  var box = document.getElementById("swagger-ui");
  if (!box || typeof SwaggerUIBundle === "undefined") { return; }
  window.ui = SwaggerUIBundle({ url: box.getAttribute("data-url"), dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true });
}());
