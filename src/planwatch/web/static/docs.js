// Swagger UI for /openapi.json (kept out of the page so that the CSP forbids every inline script).
window.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: el.dataset.spec, dom_id: "#swagger-ui", deepLinking: true, docExpansion: "list" });
});
