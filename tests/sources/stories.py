"""Test reports: one story told by three outlets, a different story on the same topic, and
Russian reports with known figures, quotes and speakers."""

from __future__ import annotations

WATER_WIRE = (
    "Central Asian states pledge $2.4 billion for canals\n\n"
    "Water ministers from five Central Asian states pledged a combined $2.4 billion on Monday "
    "to repair canals and reservoirs along the Amu Darya and Syr Darya. The region loses between "
    "30 and 40 percent of its irrigation water through leaking canals. \u201cEvery drop we lose "
    "is a drop our farmers will not see,\u201d said Minister Aigerim Tulegenova. More than 600 "
    "delegates attended the two-day conference in Almaty."
)
WATER_AGENCY = (
    "Five states commit 2.4 billion dollars to fix leaking canals\n\n"
    "Ministers responsible for water in five Central Asian countries on Monday committed "
    "$2.4 billion to repairing reservoirs and canals on the Syr Darya and Amu Darya rivers. "
    "Leaking canals cost the region 30 to 40 percent of its irrigation water, officials said. "
    "\u201cWe cannot keep watering the desert instead of our fields,\u201d said Bakhtiyor "
    "Rakhimov, the Uzbek deputy minister. The conference in Almaty drew over 600 delegates."
)
WATER_PAPER = (
    "Canal repairs: $2.4 billion pledged at the Almaty water conference\n\n"
    "The two-day water conference in Almaty ended on Monday with ministers from five Central "
    "Asian states pledging $2.4 billion for canals and reservoirs. Up to 40 percent of "
    "irrigation water is lost before it reaches farms. \u201cEvery drop we lose is a drop our "
    "farmers will not see,\u201d Minister Aigerim Tulegenova told delegates. Work on the Amu "
    "Darya canals starts in 15 districts next spring."
)
WATER_OTHER = (
    "Dushanbe water utility raises tariffs\n\n"
    "The Dushanbe water utility will raise household water tariffs by 12 percent from July. "
    "The utility says it needs the money to replace 80 kilometres of old pipes in the city. "
    "\u201cThe pipes are older than most of our customers,\u201d said utility director Firuz "
    "Saidov. Consumer groups called the increase unfair."
)

RU_MIGRANTS = (
    "Министерство труда отчиталось о подготовке мигрантов\n\n"
    "Министерство труда, миграции и занятости населения сообщает, что в 2024 году более 4 тыс. "
    "человек прошли бесплатные курсы перед выездом на работу за рубеж. Представительство "
    "министерства направило 5 млн рублей на работу горячей линии. «Мигрант, который знает язык, "
    "зарабатывает больше и реже становится жертвой мошенников», — заявил заместитель министра "
    "Сухроб Каримов. По словам Азизы Рахимовой, «в ближайшие три года программа охватит все "
    "районы страны». Курсы продлятся до конца года."
)
