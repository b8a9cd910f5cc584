import copy
import io
import json
import logging
import logging.config

import pytest

from config.settings import base


@pytest.fixture
def log_lines():
    """The site's own logging configuration (base.LOGGING) as production runs it, writing JSON
    into a buffer; returns a function giving the parsed lines written so far."""
    config = copy.deepcopy(base.LOGGING)
    config["handlers"]["console"]["formatter"] = "json"
    named = ["", *config["loggers"]]
    levels = {name: logging.getLogger(name).level for name in named}
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    logging.config.dictConfig(config)
    ours = [handler for handler in root.handlers if handler not in handlers_before]
    buffer = io.StringIO()
    for handler in ours:
        handler.setStream(buffer)

    def lines():
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    lines.text = buffer.getvalue
    yield lines

    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers_before:
        root.addHandler(handler)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
