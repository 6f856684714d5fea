import { TEST_NUMBERS } from "@/lib/providers/test-numbers";
import type { Lang, PayMessages } from "@/lib/i18n/pay-page";

/** On SANDBOX links: the numbers that decide what the test providers do. */
export function TestNumbers({ lang, t }: { lang: Lang; t: PayMessages }) {
  return (
    <details className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
      <summary className="cursor-pointer font-semibold text-amber-900">{t.testNumbers}</summary>
      <p className="mt-2 text-amber-900">{t.testModeExplained}</p>
      <table className="mt-3 w-full text-left">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-3">
              {t.testNumber}
            </th>
            <th scope="col" className="py-1">
              {t.testOutcome}
            </th>
          </tr>
        </thead>
        <tbody>
          {TEST_NUMBERS.map((test) => (
            <tr key={test.number} className="border-t border-amber-200 align-top">
              <td className="py-1 pr-3 font-mono whitespace-nowrap">
                {test.number}
                <span className="sr-only"> ({t.providerNames[test.provider]})</span>
              </td>
              <td className="py-1">
                <span className="font-semibold">{test.provider === "MTN_CAM" ? "MTN" : "Orange"}</span> · {test.description[lang]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
