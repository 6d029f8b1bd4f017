/**
 * Countries, continents and capitals by their English names: a closed class of
 * things, never persons. English may call a country `she` (“France and her
 * allies”); it never calls one `he`. Other places are found in the text itself
 * (see `placesOf` in src/rules/pronoun/referents.ts).
 */
const COUNTRIES = [
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan',
  'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin', 'Bhutan', 'Bolivia', 'Bosnia',
  'Botswana', 'Brazil', 'Brunei', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cambodia', 'Cameroon', 'Canada', 'Chad', 'Chile',
  'China', 'Colombia', 'Comoros', 'Congo', 'Croatia', 'Cuba', 'Cyprus', 'Czechia', 'Denmark', 'Djibouti', 'Dominica',
  'Ecuador', 'Egypt', 'Eritrea', 'Estonia', 'Eswatini', 'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon', 'Gambia',
  'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada', 'Guatemala', 'Guinea', 'Guyana', 'Haiti', 'Honduras', 'Hungary',
  'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan',
  'Kenya', 'Kiribati', 'Kosovo', 'Kuwait', 'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Lesotho', 'Liberia', 'Libya',
  'Liechtenstein', 'Lithuania', 'Luxembourg', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta', 'Mauritania',
  'Mauritius', 'Mexico', 'Micronesia', 'Moldova', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco', 'Mozambique', 'Myanmar',
  'Namibia', 'Nauru', 'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'North Korea', 'Norway',
  'Oman', 'Pakistan', 'Palau', 'Palestine', 'Panama', 'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar',
  'Romania', 'Russia', 'Rwanda', 'Samoa', 'San Marino', 'Saudi Arabia', 'Senegal', 'Serbia', 'Seychelles', 'Sierra Leone',
  'Singapore', 'Slovakia', 'Slovenia', 'Somalia', 'South Africa', 'South Korea', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname',
  'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'Togo', 'Tonga', 'Tunisia', 'Turkey',
  'Turkmenistan', 'Tuvalu', 'Uganda', 'Ukraine', 'Uruguay', 'Uzbekistan', 'Vanuatu', 'Vatican', 'Venezuela', 'Vietnam',
  'Yemen', 'Zambia', 'Zimbabwe', 'America', 'Britain', 'England', 'Scotland', 'Wales', 'Catalonia', 'Flanders', 'Wallonia',
  'Bavaria', 'Corsica', 'Sicily', 'Sardinia', 'Quebec', 'Europe', 'Africa', 'Asia', 'Oceania', 'Antarctica'
]

/** Capitals and other cities that stand for their country's state (`Moscow denied it`). */
const CAPITALS = [
  'Moscow', 'Kyiv', 'Kiev', 'Washington', 'Beijing', 'Paris', 'Berlin', 'London', 'Rome', 'Madrid', 'Lisbon', 'Brussels',
  'Amsterdam', 'The Hague', 'Warsaw', 'Tehran', 'Ankara', 'Tokyo', 'Delhi', 'New Delhi', 'Brasília', 'Brasilia', 'Ottawa',
  'Algiers', 'Rabat', 'Tunis', 'Cairo', 'Damascus', 'Baghdad', 'Riyadh', 'Pyongyang', 'Seoul', 'Taipei', 'Minsk', 'Budapest',
  'Vienna', 'Athens', 'Bern', 'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Prague', 'Bratislava', 'Bucharest', 'Sofia',
  'Belgrade', 'Zagreb', 'Ljubljana', 'Tallinn', 'Riga', 'Vilnius', 'Dublin', 'Luxembourg', 'Valletta', 'Nicosia', 'Tbilisi',
  'Yerevan', 'Baku', 'Kabul', 'Islamabad', 'Dhaka', 'Bangkok', 'Hanoi', 'Jakarta', 'Manila', 'Canberra', 'Wellington',
  'Pretoria', 'Nairobi', 'Addis Ababa', 'Abuja', 'Dakar', 'Bamako', 'Khartoum', 'Tripoli', 'Beirut', 'Amman', 'Jerusalem',
  'Doha', 'Caracas', 'Bogotá', 'Bogota', 'Lima', 'Santiago', 'Buenos Aires', 'Havana', 'Mexico City', 'Barcelona'
]

/** Every listed place, by its last word (`New Zealand` under `Zealand`), with the words before it. */
const BY_LAST = new Map<string, string[][]>()
for (const place of [...COUNTRIES, ...CAPITALS]) {
  const parts = place.split(' ')
  const last = parts.pop()!
  let list = BY_LAST.get(last)
  if (!list) BY_LAST.set(last, (list = []))
  list.push(parts)
}

/**
 * The listed place that ends with `words[at]`: its first word's index, or -1. `before(k)` gives
 * the word at index k (undefined before the text).
 */
export function listedPlaceEndingAt(at: number, word: (k: number) => string | undefined): number {
  const heads = BY_LAST.get(word(at) ?? '')
  if (!heads) return -1
  let best = -1
  for (const head of heads) {
    let ok = true
    for (let n = 0; n < head.length && ok; n++) ok = word(at - head.length + n) === head[n]
    if (ok) best = Math.min(best < 0 ? at : best, at - head.length)
  }
  return best
}

/** `France`, `Europe`: a country or continent, which English may personify as `she`. */
export function isCountry(name: string): boolean {
  return COUNTRY_SET.has(name)
}
const COUNTRY_SET = new Set(COUNTRIES)
