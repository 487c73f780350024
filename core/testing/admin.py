"""Running an admin action as a signed-in user, and reading the messages it leaves."""

from django.contrib.messages import get_messages


def run_action(client, changelist, action, objects, **extra):
    """POSTs `action` for `objects` to the `changelist` address, with `extra` form data."""
    data = {"action": action, "_selected_action": [obj.pk for obj in objects], **extra}
    return client.post(changelist, data)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def changeform_data(response) -> dict:
    """The POST data of an admin add or change page as it was shown: every form and inline."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            data[key] = "on" if value is True else value
    return data


def add_inline_rows(data: dict, prefix: str, rows: list[dict]) -> dict:
    """`data` with `rows` appended to the inline formset `prefix` (its new forms)."""
    data = dict(data)
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for index, row in enumerate(rows, start=total):
        data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
    data[f"{prefix}-TOTAL_FORMS"] = str(total + len(rows))
    return data
