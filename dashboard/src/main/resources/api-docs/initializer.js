// Swagger UI over the server's own OpenAPI document (a file, not inline: the page's CSP forbids inline script)
window.addEventListener('load', () => {
    window.ui = SwaggerUIBundle({
        url: '/api/v1/openapi.yml',
        dom_id: '#swagger-ui',
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout',
    });
});
