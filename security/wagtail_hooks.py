from wagtail import hooks

from security.lockouts import LockoutViewSet


@hooks.register("register_admin_viewset")
def register_lockouts():
    return LockoutViewSet("sign_in_lockouts")
