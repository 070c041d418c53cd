"""`{% constant %}…{% endconstant %}`: a part of a template that every reader in a language sees
the same, rendered once per process and language.

The header and footer every page repeats are mostly translated words and addresses of
fixed pages: the same for every reader of a language, yet translated and reversed again
on every response. Inside the block only text, `{% translate "literal" %}`, `{% static
"literal" %}`, `{% fast_url "name" %}` with literal arguments and comments are allowed
(anything else is a TemplateSyntaxError when the template is loaded), so what it renders
depends on nothing but the active language, the script prefix and the URL configuration,
which key what is kept. Changing a setting that shapes addresses or static files (tests
do) forgets it all, as Django forgets its own resolvers.
"""

from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.base import FilterExpression, Node, NodeList, Parser, TextNode, Token
from django.template.defaulttags import CommentNode
from django.template.library import SimpleNode
from django.templatetags.i18n import TranslateNode
from django.templatetags.static import StaticNode
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from rung.core.templatetags.rung import fast_url

register = template.Library()

# Raised when a setting the kept parts depend on changes; part of every key.
_generation = [0]
_SETTINGS = {
    "ROOT_URLCONF",
    "LANGUAGES",
    "LANGUAGE_CODE",
    "FORCE_SCRIPT_NAME",
    "STATIC_URL",
    "STORAGES",
    "LOCALE_PATHS",
    "INSTALLED_APPS",
}


@receiver(setting_changed)
def _forget(*, setting: str, **kwargs: Any) -> None:
    if setting in _SETTINGS:
        _generation[0] += 1


def _literal(expression: FilterExpression | None) -> bool:
    """Say whether a tag's argument is a literal string or number with no filters."""
    if expression is None:
        return True
    var = expression.var
    return not expression.filters and (
        not isinstance(var, template.Variable) or var.literal is not None
    )


def _constant(node: Node) -> bool:
    if isinstance(node, TextNode | CommentNode):
        return True
    if isinstance(node, TranslateNode):
        return (
            node.asvar is None
            and _literal(node.filter_expression)
            and _literal(node.message_context)
        )
    if isinstance(node, StaticNode):
        return node.varname is None and _literal(node.path)
    if isinstance(node, SimpleNode):
        return (
            node.func is fast_url
            and node.target_var is None
            and not node.kwargs
            and all(_literal(arg) for arg in node.args)
        )
    return False


class ConstantNode(Node):
    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist
        self.kept: dict[tuple[int, str | None, str, Any, bool], SafeString] = {}

    def render(self, context: Any) -> SafeString:
        key = (
            _generation[0],
            get_language(),
            get_script_prefix(),
            get_urlconf(),
            context.autoescape,
        )
        html = self.kept.get(key)
        if html is None:
            html = self.kept[key] = mark_safe(self.nodelist.render(context))
        return html


@register.tag("constant")
def constant(parser: Parser, token: Token) -> ConstantNode:
    nodelist = parser.parse(("endconstant",))
    parser.delete_first_token()
    for node in nodelist:
        if not _constant(node):
            raise template.TemplateSyntaxError(
                f"{{% constant %}} holds only text, literal translations, static files and "
                f"fast_url addresses, not {node!r}."
            )
    return ConstantNode(nodelist)
