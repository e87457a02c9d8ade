// Starts Swagger UI on the API's /api/docs page; a file of its own because the Content-Security-Policy forbids inline scripts.
function startSwaggerUi() {
  window.SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', startSwaggerUi);
} else {
  startSwaggerUi();
}
