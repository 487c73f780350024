"""A WSGI app of two bytes, for starting gunicorn with the project's configuration."""


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
