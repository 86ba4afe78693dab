// Starts Swagger UI on /api/v1/docs. A file of its own, not an inline script, so that the
// page keeps the Content-Security-Policy that allows scripts from this server only.
(function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: root.getAttribute("data-openapi"), dom_id: "#swagger-ui", deepLinking: true });
})();
