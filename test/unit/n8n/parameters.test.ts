import { expressionReadsItem, perItemOrOnce, readsItem, rememberLast } from '../../../nodes/shared/n8n/parameters';

describe('expressions that give every item the same value are read once per run', () => {
	test.each([
		"{{ $('Settings').first().json.referenceDate }}",
		'{{ $("Settings").last().json.now }}',
		"{{ $('Settings').all().length }}",
		"{{ $( 'Settings' ) . first().json.day }}",
		'{{ $now.toISO() }}',
		"{{ $today.toFormat('yyyy-MM-dd') }}",
		'{{ $vars.brandName }}',
		'{{ $env.TZ }}',
		'{{ $workflow.id + $execution.id + $runIndex }}',
		"{{ $('Settings').params.mode }}",
		'2026-06-30',
		"{{ DateTime.now().toISODate() }}",
	])('%s is run-wide', (expression) => {
		expect(expressionReadsItem(expression)).toBe(false);
	});

	test.each([
		'{{ $json.asOf }}',
		'{{ $input.item.json.asOf }}',
		"{{ $('Settings').item.json.day }}",
		"{{ $('Settings').itemMatching(0).json.day }}",
		"{{ $('Settings').pairedItem().json.day }}",
		'{{ $itemIndex }}',
		'{{ $binary.data.fileName }}',
		'{{ $node["Settings"].json.day }}',
		'{{ $item(0).$node["Settings"].json.day }}',
		"{{ $('Settings').first().json[$json.key] }}",
		'{{ $(name).first().json.day }}',
		'{{ `${$now}` }}',
		"{{ $('Settings').first().json.day + $position }}",
		'{{ $fromAI("day") }}',
		'{{ $data.day }}',
		'{{ $parameter.referenceDate }}',
	])('%s may differ per item', (expression) => {
		expect(expressionReadsItem(expression)).toBe(true);
	});

	test('a collection is per item when any field in it reads the item', () => {
		expect(readsItem({ now: "={{ $('Settings').first().json.now }}", hours: 8 })).toBe(false);
		expect(readsItem({ now: "={{ $('Settings').first().json.now }}", channel: '={{ $json.channel }}' })).toBe(true);
		expect(readsItem([{ a: '=2026' }, { b: ['={{ $json.b }}'] }])).toBe(true);
		// Text that is not an expression (no leading "=") never depends on the item, even with a "$".
		expect(readsItem('{{ $json.day }}')).toBe(false);
	});

	test('perItemOrOnce reads a run-wide expression at item 0 only, and an item expression for every item', () => {
		const reads: number[] = [];
		const once = perItemOrOnce("={{ $('Settings').first().json.day }}", (i) => {
			reads.push(i);
			return 'day';
		});
		expect([once(0), once(1), once(2)]).toEqual(['day', 'day', 'day']);
		expect(reads).toEqual([0]);
		const perItem = perItemOrOnce('={{ $json.day }}', (i) => `day ${i}`);
		expect([perItem(0), perItem(5)]).toEqual(['day 0', 'day 5']);
	});
});

describe('rememberLast', () => {
	test('computes again only when the key changes, and remembers an error', () => {
		const seen: string[] = [];
		const read = rememberLast((text: string) => {
			seen.push(text);
			if (text === 'bad') throw new RangeError('bad date');
			return text.length;
		});
		expect([read('a'), read('a'), read('bb'), read('bb'), read('a')]).toEqual([1, 1, 2, 2, 1]);
		expect(() => read('bad')).toThrow('bad date');
		expect(() => read('bad')).toThrow('bad date');
		expect(seen).toEqual(['a', 'bb', 'a', 'bad']);
	});
});
