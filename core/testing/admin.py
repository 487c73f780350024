"""Running an admin action as a signed-in user, and reading the messages it leaves."""

from django.contrib.messages import get_messages


def run_action(client, changelist, action, objects, **extra):
    """POSTs `action` for `objects` to the `changelist` address, with `extra` form data."""
    data = {"action": action, "_selected_action": [obj.pk for obj in objects], **extra}
    return client.post(changelist, data)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]
